import { describe, expect, it } from 'vitest';
import {
  classifyAnafMessage,
  failureFromAnafMessage,
  quotedServerTime,
} from '../../../electron/core/anaf/anaf-messages.ts';
import { anafFailureDetails } from '../../../electron/core/anaf/errors.ts';

describe('classifyAnafMessage', () => {
  it.each([
    ['S-au facut deja 10 descarcari de mesaj in cursul zilei', 'dailyLimit'],
    [
      'S-au facut deja 10 descarcari la mesajul cu id_descarcare=3007654321 in cursul zilei',
      'dailyLimit',
    ],
    ['S-au facut deja 20 descarcari de mesaj in cursul zilei', 'dailyLimit'],
    [
      'S-au incarcat deja 1000 de mesaje de tip RASP pentru cui=1234 in cursul zilei',
      'dailyLimit',
    ],
    [
      'S-au facut deja 1000 interogari de lista mesaje de catre utilizator in cursul zilei',
      'dailyLimit',
    ],
    [
      'S-au facut deja 1500 de interogari de tip lista mesaje de catre CUI= 123 in cursul zilei',
      'dailyLimit',
    ],
    [
      'S-au facut deja 100 de verificari, pentru id-incarcare solicitat, in cursul zilei',
      'dailyLimit',
    ],
    [
      'Fisierul nu mai poate fi descarcat pentru ca a trecut perioada de 60 de zile in care este disponibil',
      'expired',
    ],
    ['Nu aveti dreptul sa descarcati acesta factura', 'noRight'],
    ['Nu aveti drept in SPV pentru CIF=8000000000', 'noRight'],
    ['Nu exista niciun CIF pentru care sa aveti drept in SPV', 'noRight'],
    ['Nu exista niciun CIF petru care sa aveti drept', 'noRight'],
    ['Nu aveti dreptul de inteorgare pentru id_incarcare= 18', 'noRight'],
    ['Nu exista factura cu id_incarcare= 15000', 'notFound'],
    ['Nu exista declaratie cu id_incarcare= 15000', 'notFound'],
    ['Pentru id=21 nu exista inregistrata nici o factura', 'notFound'],
    ['Nu exista mesaje in ultimele 15 zile', 'noMessages'],
    ['Nu exista mesaje in intervalul selectat', 'noMessages'],
    ['Nu exista mesaje in ultimele 60 zile', 'noMessages'],
    [
      'Lista de mesaje este mai mare decat numarul de 500 elemente permise in pagina. Folositi endpoint-ul cu paginatie.',
      'listTooLarge',
    ],
    [
      'endTime = 30-07-2026 15:15:28 nu poate in viitor fata de momentul requestului = 30-07-2026 15:15:27',
      'endTimeInFuture',
    ],
    [
      'Pagina solicitata 50 este mai mare decat numarul toatal de pagini 29',
      'pageOutOfRange',
    ],
    ['A aparut o eroare tehnica. Cod: 1814', 'technical'],
    ['Eroare tehnică: fisier invalid', 'technical'],
    ['CIF introdus= 123a nu este un numar', 'invalidRequest'],
    [
      'CIF introdus= aaa nu este un numar sau nu are o valoare acceptata de sistem',
      'invalidRequest',
    ],
    ['Numarul de zile introdus= aaa nu este un numar intreg', 'invalidRequest'],
    ['Numarul de zile trebuie sa fie intre 1 si 60', 'invalidRequest'],
    [
      'Valorile acceptate pentru parametrul filtru sunt E, T, P sau R',
      'invalidRequest',
    ],
    [
      'Valorile acceptate pentru parametrul standard sunt UBL, CN, CII sau RASP',
      'invalidRequest',
    ],
    ['Id descarcare introdus= 123a nu este un numar intreg', 'invalidRequest'],
    ['Parametrii zile si cif sunt obligatorii', 'invalidRequest'],
    ['Parametrul id este obligatoriu', 'invalidRequest'],
    ['Marime fisier transmis mai mare de 10 MB.', 'other'],
  ])('classifies "%s"', (text, expected) => {
    expect(classifyAnafMessage(text)).toBe(expected);
  });
});

describe('quotedServerTime', () => {
  it('reads the request time', () => {
    const text =
      'endTime = 30-07-2026 15:15:28 nu poate in viitor fata de momentul requestului = 30-07-2026 15:15:27';
    expect(quotedServerTime(text)?.toISOString()).toBe(
      '2026-07-30T12:15:27.000Z',
    );
  });

  it('returns null without a time', () => {
    expect(quotedServerTime('endTime nu poate in viitor')).toBeNull();
  });
});

describe('failureFromAnafMessage', () => {
  it('maps a daily limit to its code', () => {
    const failure = failureFromAnafMessage(
      'download',
      'S-au facut deja 10 descarcari de mesaj in cursul zilei',
    );
    expect(failure.code).toBe('anaf.dailyLimit');
  });

  it('keeps ANAF text in the details', () => {
    const text = 'Nu aveti dreptul sa descarcati acesta factura';
    const failure = failureFromAnafMessage('download', text);
    expect(anafFailureDetails(failure)?.anafMessage).toBe(text);
  });

  it('adds the quoted server time', () => {
    const failure = failureFromAnafMessage(
      'messagePage',
      'endTime = 30-07-2026 15:15:28 nu poate in viitor fata de momentul requestului = 30-07-2026 15:15:27',
    );
    expect(anafFailureDetails(failure)?.serverTime).toBe(
      '2026-07-30T12:15:27.000Z',
    );
  });

  it('adds the quoted page total', () => {
    const failure = failureFromAnafMessage(
      'messagePage',
      'Pagina solicitata 50 este mai mare decat numarul toatal de pagini 29',
    );
    expect(anafFailureDetails(failure)?.totalPages).toBe(29);
  });

  it('makes a technical error retryable', () => {
    const failure = failureFromAnafMessage(
      'status',
      'A aparut o eroare tehnica. Cod: 1814',
    );
    expect(anafFailureDetails(failure)?.retryable).toBe(true);
  });
});
