import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { districtCodes } from '@hongjia/shared';
import { Entity, type EntityItem } from '../commons/store/index';

export const pointServices = ['print', 'pickup', 'consult'] as const;

/**
 * A place where families print or pick up certificates or ask for advice
 * (就近查询、就近领取、就近打印). Opening hours are local time in
 * Asia/Shanghai, per ISO weekday (1 = Monday). Indexed by geohash cell (gsi1)
 * for nearest-first search, like institutions.
 */
export function createServicePointEntity(client: DynamoDBDocumentClient, table: string) {
  return new Entity(
    {
      model: { entity: 'servicePoint', version: '1', service: 'hongjia' },
      attributes: {
        pointId: { type: 'string', required: true, readOnly: true },
        name: { type: 'string', required: true },
        address: { type: 'string', required: true },
        district: { type: districtCodes, required: true },
        lat: { type: 'number', required: true },
        lng: { type: 'number', required: true },
        geohash: { type: 'string', required: true },
        cell: { type: 'string', required: true },
        services: { type: 'set', items: pointServices, required: true },
        officePhone: { type: 'string' },
        openingHours: {
          type: 'list',
          required: true,
          items: {
            type: 'map',
            properties: {
              weekdays: { type: 'list', items: { type: 'number' }, required: true },
              opens: { type: 'string', required: true },
              closes: { type: 'string', required: true },
            },
          },
        },
      },
      indexes: {
        byId: {
          pk: { field: 'pk', composite: ['pointId'] },
          sk: { field: 'sk', composite: [] },
        },
        byCell: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['cell'] },
          // geohash first, as for institutions: the nearby engine reads precision-6
          // sub-cells with begins_with, so a search costs the points near the origin.
          sk: { field: 'gsi1sk', composite: ['geohash', 'pointId'] },
        },
      },
    },
    { client, table },
  );
}

export type ServicePointEntity = ReturnType<typeof createServicePointEntity>;
export type ServicePointItem = EntityItem<ServicePointEntity>;
