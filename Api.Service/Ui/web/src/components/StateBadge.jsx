import { stateClass } from '../format.js';

export const StateBadge = ({ state }) => <span class={'badge ' + stateClass(state)}>{state}</span>;
