/**
 * The stareMesaj call of `efactura status`, through the request queue's
 * interactive lane, with ANAF's query errors turned into one line that
 * names the index and the next step.
 */
import { AppFailure } from '../../../shared/result.ts';
import type { UploadStatus } from '../../core/anaf/index.ts';
import { failure, fromAppError } from '../errors.ts';
import type { CliSession } from '../session.ts';
import type { StatusTarget } from './target.ts';

export async function askAnafStatus(
  session: CliSession,
  target: StatusTarget,
  uploadIndex: string,
): Promise<UploadStatus> {
  const { company, account } = target;
  try {
    return await session.core.services.gateway.status(
      { accountId: account.id, cif: company.cif, api: company.api },
      uploadIndex,
      { lane: 'interactive' },
    );
  } catch (error) {
    if (!(error instanceof AppFailure)) throw error;
    session.logger.warn('ANAF returned an error to the status query', {
      uploadIndex,
      cif: company.cif,
      account: account.id,
      code: error.code,
    });
    if (error.code === 'anaf.notFound') {
      throw failure(
        `ANAF has no upload with index ${uploadIndex} for CIF ${company.cif} (${company.api} API). ` +
          'Check the index; for an upload of another followed company, pass --cif CIF.',
        'anaf.notFound',
      );
    }
    if (error.code === 'anaf.noRight') {
      throw failure(
        `ANAF denied account ${account.id} (${account.certificateSubject}) the right to see upload ${uploadIndex}. ` +
          'Check the index, or pass --account ID with the login of a certificate that has SPV rights on the company that sent it (see `efactura accounts`).',
        'anaf.noRight',
      );
    }
    throw fromAppError(error.toAppError());
  }
}
