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

/**
 * One 托育指导中心 per district (issue 15 item 8): where families ask about 科学育儿 and
 * childcare, among the service points as `consult`. The names are generic on purpose — the
 * demo claims no real centre's name or address — and no random draw is spent, so the points
 * above stay where they were. Near the district's government seat, open on working days and
 * Saturday mornings.
 */
export function seedGuidanceCentres(
  idFor: (index: number) => string,
  firstIndex: number,
): ServicePointItem[] {
  return districts.map((district, i) => {
    const lat = Number((district.centre.lat + 0.006).toFixed(6));
    const lng = Number((district.centre.lng - 0.005).toFixed(6));
    return {
      pointId: idFor(firstIndex + i),
      name: `${district.name}托育指导中心（示例）`,
      district: district.code,
      address: `南昌市${district.name}（示例地址，以县区卫生健康委公布为准）`,
      lat,
      lng,
      geohash: geohashOf(lat, lng),
      cell: cellOf(lat, lng),
      services: ['consult'],
      openingHours: [
        { weekdays: workdays, opens: '09:00', closes: '12:00' },
        { weekdays: workdays, opens: '14:00', closes: '17:30' },
        { weekdays: [6], opens: '09:00', closes: '12:00' },
      ],
    };
  });
}
