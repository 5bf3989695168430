/** The adapter contract against a second practice's prefix, on SQLite. */
import { contractPerPractice } from './contract-per-practice.js';

contractPerPractice('sqlite');
