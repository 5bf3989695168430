/** The page id a draft stores while the patient is on the review page. */
export const REVIEW_PAGE_ID = '@review';
