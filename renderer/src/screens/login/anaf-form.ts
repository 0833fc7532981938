/** Checks of the ANAF login form, before anything reaches main. */
export const DEFAULT_CALLBACK_URL = 'https://localhost:9002/callback';

export interface AnafFormValues {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

export type AnafFormErrors = Partial<Record<keyof AnafFormValues, 'required' | 'invalidUrl'>>;

/** ANAF registers only https callback URLs. */
export function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '';
  } catch {
    return false;
  }
}

export function validateAnafForm(values: AnafFormValues): AnafFormErrors {
  const errors: AnafFormErrors = {};
  if (!values.clientId.trim()) errors.clientId = 'required';
  if (!values.clientSecret) errors.clientSecret = 'required';
  if (!values.redirectUri.trim()) errors.redirectUri = 'required';
  else if (!isHttpsUrl(values.redirectUri.trim())) errors.redirectUri = 'invalidUrl';
  return errors;
}
