/** Demo content: the 2012 Québec leaders on digital issues (demo-data.ts). Loading it again changes nothing. */
import type { Queryable } from '../db/db.js';
import { quebec2012 } from './demo-data.js';
import { insertComparison } from './sql.js';

/** Loads the demo comparison; true when it was added. */
export const loadComparisonDemo = (tx: Queryable): Promise<boolean> => insertComparison(tx, quebec2012);
