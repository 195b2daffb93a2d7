/** Registers <civic-petition>. */
import { define } from '../core/define.js';
import { CivicPetition } from '../petition/civic-petition.js';

define('civic-petition', CivicPetition);
export { CivicPetition };
