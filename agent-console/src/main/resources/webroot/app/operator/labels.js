// Italian labels for the codes of the ticket model and the call record.

export const LANGUAGES = { it: 'italiano', en: 'inglese', fr: 'francese', es: 'spagnolo', ro: 'rumeno',
  sq: 'albanese', ar: 'arabo', zh: 'cinese', pcm: 'pidgin (Nigeria)' };
export const ACCESS_CHANNELS = { NUMERO_VERDE: 'Numero Verde', UCST_DESK: 'Sportello UCST', ATS: 'ATS',
  SAI_CAS: 'Progetti SAI/CAS', TERRITORIAL_COMMISSION: 'Commissione territoriale', LAWYER: 'Avvocato',
  MSNA_FACILITY: 'Struttura per MSNA', HOSPITAL: 'Ospedale' };
export const EXPLOITATION = { SEXUAL: 'sessuale', LABOUR: 'lavorativo', FORCED_BEGGING: 'accattonaggio forzato',
  FORCED_CRIMINALITY: 'economie illegali forzate', FORCED_MARRIAGE: 'matrimonio forzato', OTHER: 'altro / non chiaro' };
export const NEEDS = { EMERGENCY_SHELTER: 'pronta accoglienza', FIRST_ASSISTANCE: 'prima assistenza', HEALTH: 'salute',
  LEGAL: 'legale', DOCUMENTS_PERMIT: 'documenti / permesso', PSYCHOLOGICAL: 'psicologico',
  CULTURAL_MEDIATION: 'mediazione culturale', ASSISTED_RETURN: 'rimpatrio assistito', LABOUR_UNION: 'lavoro / sindacato' };
export const URGENCY = { IMMEDIATE_DANGER: 'pericolo immediato', URGENT: 'urgente', ORDINARY: 'ordinaria' };
export const TERRITORY = { ASL1: 'ASL1 Imperiese', ASL2: 'ASL2 Savonese', ASL3: 'ASL3 Genovese', ASL4: 'ASL4 Chiavarese',
  ASL5: 'ASL5 Spezzino', OUTSIDE_LIGURIA: 'fuori Liguria', UNKNOWN: 'non nota' };
export const OUTCOMES = { ANSWERED: 'risposta', ABANDONED: 'abbandonata', FALLBACK: 'numero nazionale',
  VOICEMAIL: 'segreteria', FAILED: 'non riuscita' };
export const DELIVERY = { PENDING: 'in invio', DELIVERED: 'consegnato', DEAD: 'non consegnato' };
export const STATUS = { OPEN: 'aperto', DISPATCHED: 'inviato', ACCEPTED: 'accettato', REJECTED: 'rifiutato',
  DONE: 'concluso', CLOSED: 'chiuso' };

export const label = (table, code) => table[code] || code || '';
