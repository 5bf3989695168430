/**
 * Largest attachment the contract accepts (a 1600 px JPEG is far below this). A module of its own,
 * with no schema: an adapter that checks a file's size before upload needs the limit, and
 * importing it must not bring the intake schemas (and their construction) into every page.
 */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
