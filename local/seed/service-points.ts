import { cellOf, geohashOf } from '@hongjia/functions/geo/cells';
import type { ServicePointItem } from '@hongjia/functions/service-points/entities';
import { districts } from '@hongjia/shared';
import { streetsByDistrict } from './places';
import { pointNear, type Random } from './random';

const workdays = [1, 2, 3, 4, 5];
const everyDay = [1, 2, 3, 4, 5, 6, 7];

/**
 * Four kinds of point per district (36 in all): the district government
 * service hall, a street service centre, a community health centre and a
 * self-service print terminal in a busy place, with realistic opening hours.
 */
export function seedServicePoints(random: Random, idFor: (index: number) => string): ServicePointItem[] {
  const points: ServicePointItem[] = [];
  for (const district of districts) {
    const kinds: Omit<
      ServicePointItem,
      'pointId' | 'lat' | 'lng' | 'geohash' | 'cell' | 'address' | 'district'
    >[] = [
      {
        name: `${district.name}政务服务中心 卫健窗口`,
        services: ['print', 'pickup', 'consult'],
        officePhone: `0791-8${random.int(1000000, 9999999)}`,
        openingHours: [
          { weekdays: workdays, opens: '09:00', closes: '12:00' },
          { weekdays: workdays, opens: '13:30', closes: '17:30' },
          { weekdays: [6], opens: '09:00', closes: '12:00' },
        ],
      },
      {
        name: `${district.name}${random.pick(streetsByDistrict[district.code]).slice(0, 2)}街道便民服务中心`,
        services: ['print', 'pickup'],
        openingHours: [
          { weekdays: workdays, opens: '08:30', closes: '12:00' },
          { weekdays: workdays, opens: '14:00', closes: '17:30' },
        ],
      },
      {
        name: `${district.name}社区卫生服务中心`,
        services: ['consult', 'print'],
        officePhone: `0791-8${random.int(1000000, 9999999)}`,
        openingHours: [{ weekdays: everyDay, opens: '08:00', closes: '17:30' }],
      },
      {
        name: `${district.name}自助打印终端（${random.pick(['万达广场', '天虹商场', '地铁站', '百货大楼', '社区服务站'])}）`,
        services: ['print'],
        openingHours: [{ weekdays: everyDay, opens: '08:00', closes: '22:00' }],
      },
    ];
    for (const kind of kinds) {
      const { lat, lng } = pointNear(random, district.centre, 3000);
      points.push({
        ...kind,
        pointId: idFor(points.length),
        district: district.code,
        address: `南昌市${district.name}${random.pick(streetsByDistrict[district.code])}${random.int(1, 600)}号`,
        lat,
        lng,
        geohash: geohashOf(lat, lng),
        cell: cellOf(lat, lng),
      });
    }
  }
  return points;
}
