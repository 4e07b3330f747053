/**
 * Scheduling of the nuclear-medicine department: resources with Europe/Paris opening hours,
 * bookings and the conflicts that refuse them, radioligand cycles from regimens, the Ga-68
 * same-day preparation window, the organ-at-risk check before a cycle, a slot finder and
 * utilisation. Pure: instants are passed in, never read from a clock.
 */
export * from './errors';
export * from './department-time';
export * from './opening-hours';
export * from './model';
export * from './pet-uptake';
export * from './ga68-window';
export * from './lookup';
export * from './calendar';
export * from './conflicts';
export * from './regimens';
export * from './cycle-limit-check';
export * from './slot-finder';
export * from './utilisation';
