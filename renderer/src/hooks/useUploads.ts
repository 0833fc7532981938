/** Upload history, kept live by `uploads.changed`, and the unknown-outcome decision. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UploadRecord } from '../../../shared/domain.ts';
import { getApi, unwrap } from '../ipc/api.ts';
import { upsertUpload } from '../lib/upload/states.ts';
import { queryKeys } from '../queries.ts';

/** How many recent uploads the history shows. */
export const UPLOAD_HISTORY_LIMIT = 500;

export function useUploads(cif: string | null) {
  return useQuery({
    queryKey: queryKeys.uploads(cif),
    queryFn: () => unwrap(getApi().uploadsList(cif ? { cif, limit: UPLOAD_HISTORY_LIMIT } : { limit: UPLOAD_HISTORY_LIMIT })),
  });
}

export function useResolveUnknown() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { uploadId: string; decision: 'markSent' | 'markNotSent' }) =>
      unwrap(getApi().uploadsResolveUnknown(input)),
    onSuccess: (record) => {
      for (const [key, list] of client.getQueriesData<UploadRecord[]>({ queryKey: queryKeys.uploadsAll })) {
        if (list) client.setQueryData(key, upsertUpload(list, record));
      }
    },
  });
}
