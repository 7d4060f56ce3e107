import { ageClassRules } from '@hongjia/shared';
import type { NotificationMessage } from '../../notifications';
import type { BookingItem } from './entity';

/** Where the family sees its bookings in the mini-program (family subpackage). */
export const myBookingsPage = '/packages/family/pages/bookings/index';

export function promotedMessage(booking: BookingItem): NotificationMessage {
  return {
    kind: 'booking_promoted',
    title: '候补成功：托位已确认',
    body: `${booking.institutionName} ${booking.date} ${ageClassRules[booking.ageClass].name}有名额空出，您的候补预约已转为正式预约。`,
    link: myBookingsPage,
  };
}
