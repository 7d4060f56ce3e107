import { addDays, daysBetween } from '../calendar/days';

/**
 * How records of different sources are matched, always on keyed hashes of ID
 * numbers (never names): a delivery, a birth certificate and a vaccination
 * record are of one child when they name the same mother and the same birth
 * day; a delivery is covered by a 生育登记 of the same mother whose pregnancy
 * date fits the window below.
 */

/**
 * A registration's pregnancy date is its expected due date, or the day it was
 * filed when it gave none (decision 0008). A delivery fits a due date from
 * 180 days before it (very early births, and due dates given early in a
 * pregnancy are rough) to 60 days after (the overdue rule's limit). Without a
 * due date the filing day is somewhere in the pregnancy: the delivery falls
 * from 60 days before it (filed just after the birth) to 300 days after.
 */
export const registrationWindow = {
  withDueDate: { before: 180, after: 60 },
  withoutDueDate: { before: 60, after: 300 },
} as const;

/** Registrations whose due date is this many days past with no delivery are overdue (SPEC C4). */
export const overdueAfterDays = 60;

/** A child over this many days old with no vaccination record is a gap (SPEC C4: over one month). */
export const vaccinationDueDays = 30;

/** Two deliveries of one mother this close (and not on the same day: twins are one delivery each) are an identity conflict. */
export const repeatDeliveryDays = 270;

export function deliveryFitsRegistration(
  deliveryDate: string,
  registration: { pregnancyDate: string; hasDueDate: boolean },
): boolean {
  const window = registration.hasDueDate ? registrationWindow.withDueDate : registrationWindow.withoutDueDate;
  const offset = daysBetween(registration.pregnancyDate, deliveryDate);
  return offset >= -window.before && offset <= window.after;
}

/** The day a registration without a delivery becomes overdue. */
export function overdueFrom(registration: { pregnancyDate: string; hasDueDate: boolean }): string {
  const window = registration.hasDueDate ? registrationWindow.withDueDate : registrationWindow.withoutDueDate;
  return addDays(registration.pregnancyDate, window.after);
}

/** Of several registrations that fit, the one whose pregnancy date is closest to the delivery. */
export function closestRegistration<R extends { pregnancyDate: string; hasDueDate: boolean }>(
  deliveryDate: string,
  registrations: readonly R[],
): R | undefined {
  return registrations
    .filter((registration) => deliveryFitsRegistration(deliveryDate, registration))
    .sort(
      (a, b) =>
        Math.abs(daysBetween(a.pregnancyDate, deliveryDate)) -
        Math.abs(daysBetween(b.pregnancyDate, deliveryDate)),
    )[0];
}

export function isRepeatDelivery(day: string, otherDay: string): boolean {
  const apart = Math.abs(daysBetween(day, otherDay));
  return apart > 0 && apart <= repeatDeliveryDays;
}
