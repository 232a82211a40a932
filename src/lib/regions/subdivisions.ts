/**
 * The subdivisions of the United States and Canada a lead's region can name (ISO 3166-2), with
 * their names and the abbreviations people write: postal codes ("FL"), AP style ("Fla."), older
 * forms ("Calif.", "Nfld."), French names of provinces. A region column is read against these.
 */

export interface Subdivision {
  /** ISO 3166-2 code: `US-FL`, `CA-ON`. */
  code: string;
  /** English name: "Florida". */
  name: string;
  /** Other ways people write it (the postal code is taken from `code`). */
  aliases: readonly string[];
}

const us = (code: string, name: string, ...aliases: string[]): Subdivision => ({ code: `US-${code}`, name, aliases });
const ca = (code: string, name: string, ...aliases: string[]): Subdivision => ({ code: `CA-${code}`, name, aliases });

export const SUBDIVISIONS: readonly Subdivision[] = [
  us('AL', 'Alabama', 'Ala.'),
  us('AK', 'Alaska'),
  us('AZ', 'Arizona', 'Ariz.'),
  us('AR', 'Arkansas', 'Ark.'),
  us('CA', 'California', 'Calif.', 'Cal.', 'Cali'),
  us('CO', 'Colorado', 'Colo.'),
  us('CT', 'Connecticut', 'Conn.'),
  us('DE', 'Delaware', 'Del.'),
  us('DC', 'District of Columbia', 'Washington D.C.', 'Washington, D.C.', 'Washington DC', 'D.C.'),
  us('FL', 'Florida', 'Fla.', 'Flor.'),
  us('GA', 'Georgia', 'Ga.'),
  us('HI', 'Hawaii', "Hawai'i", 'Hawaiʻi'),
  us('ID', 'Idaho'),
  us('IL', 'Illinois', 'Ill.'),
  us('IN', 'Indiana', 'Ind.'),
  us('IA', 'Iowa'),
  us('KS', 'Kansas', 'Kan.', 'Kans.'),
  us('KY', 'Kentucky', 'Ky.'),
  us('LA', 'Louisiana', 'La.'),
  us('ME', 'Maine'),
  us('MD', 'Maryland', 'Md.'),
  us('MA', 'Massachusetts', 'Mass.'),
  us('MI', 'Michigan', 'Mich.'),
  us('MN', 'Minnesota', 'Minn.'),
  us('MS', 'Mississippi', 'Miss.'),
  us('MO', 'Missouri', 'Mo.'),
  us('MT', 'Montana', 'Mont.'),
  us('NE', 'Nebraska', 'Neb.', 'Nebr.'),
  us('NV', 'Nevada', 'Nev.'),
  us('NH', 'New Hampshire', 'N.H.'),
  us('NJ', 'New Jersey', 'N.J.'),
  us('NM', 'New Mexico', 'N.M.', 'N.Mex.'),
  us('NY', 'New York', 'N.Y.'),
  us('NC', 'North Carolina', 'N.C.'),
  us('ND', 'North Dakota', 'N.D.', 'N.Dak.'),
  us('OH', 'Ohio'),
  us('OK', 'Oklahoma', 'Okla.'),
  us('OR', 'Oregon', 'Ore.', 'Oreg.'),
  us('PA', 'Pennsylvania', 'Pa.', 'Penn.', 'Penna.'),
  us('RI', 'Rhode Island', 'R.I.'),
  us('SC', 'South Carolina', 'S.C.'),
  us('SD', 'South Dakota', 'S.D.', 'S.Dak.'),
  us('TN', 'Tennessee', 'Tenn.'),
  us('TX', 'Texas', 'Tex.'),
  us('UT', 'Utah'),
  us('VT', 'Vermont', 'Vt.'),
  us('VA', 'Virginia', 'Va.'),
  us('WA', 'Washington', 'Wash.', 'Washington State'),
  us('WV', 'West Virginia', 'W.Va.', 'W.V.'),
  us('WI', 'Wisconsin', 'Wis.', 'Wisc.'),
  us('WY', 'Wyoming', 'Wyo.'),
  us('PR', 'Puerto Rico', 'P.R.'),
  us('GU', 'Guam'),
  us('VI', 'U.S. Virgin Islands', 'US Virgin Islands', 'Virgin Islands', 'V.I.', 'USVI'),
  us('AS', 'American Samoa'),
  us('MP', 'Northern Mariana Islands', 'Northern Marianas', 'CNMI'),
  us('UM', 'U.S. Minor Outlying Islands'),
  ca('AB', 'Alberta', 'Alta.', 'Alb.'),
  ca('BC', 'British Columbia', 'B.C.', 'Colombie-Britannique', 'British Colombia'),
  ca('MB', 'Manitoba', 'Man.'),
  ca('NB', 'New Brunswick', 'N.B.', 'Nouveau-Brunswick'),
  ca('NL', 'Newfoundland and Labrador', 'Newfoundland', 'Nfld.', 'N.L.', 'NF', 'Terre-Neuve-et-Labrador'),
  ca('NS', 'Nova Scotia', 'N.S.', 'Nouvelle-Écosse'),
  ca('NT', 'Northwest Territories', 'N.W.T.', 'Territoires du Nord-Ouest'),
  ca('NU', 'Nunavut', 'Nvt.', 'Nun.'),
  ca('ON', 'Ontario', 'Ont.'),
  ca('PE', 'Prince Edward Island', 'P.E.I.', 'PEI', 'Île-du-Prince-Édouard'),
  ca('QC', 'Quebec', 'Québec', 'Que.', 'Qué.', 'PQ', 'P.Q.'),
  ca('SK', 'Saskatchewan', 'Sask.'),
  ca('YT', 'Yukon', 'Y.T.', 'Yukon Territory', 'Yuk.'),
];

const byCode = new Map(SUBDIVISIONS.map((s) => [s.code, s]));

/** The subdivision of an ISO 3166-2 code (`US-FL`), if it is one of ours. */
export function subdivision(code: string): Subdivision | undefined {
  return byCode.get(code);
}

/** "Florida" for `US-FL`; the code itself for one we do not know. */
export function regionName(code: string): string {
  return byCode.get(code)?.name ?? code;
}
