import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { ro } from './ro.ts';

void i18next.use(initReactI18next).init({
  resources: { ro: { translation: ro }, en: { translation: en } },
  lng: 'ro',
  fallbackLng: 'ro',
  interpolation: { escapeValue: false },
});

export { i18next };
