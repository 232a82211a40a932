/** A language's CRM-like values for the encoding corpus: names, companies ({last} is a surname) and cities. */
export interface Locale {
  first: string[];
  last: string[];
  company: string[];
  city: string[];
  /** Family name first (Hungarian, Vietnamese, Chinese, Japanese, Korean). */
  familyFirst?: boolean;
  /** No space between family and given name (Chinese, Japanese). */
  joined?: boolean;
}
