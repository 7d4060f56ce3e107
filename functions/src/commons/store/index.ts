/** The entity layer (decision 0037): ElectroDB's API as this codebase uses it, in plain DocumentClient commands. */
export { createConversions } from './conversions';
export { Entity, type EntityItem } from './entity';
export { StoreError } from './errors';
