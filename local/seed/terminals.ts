import { type UserEntity, userIdForOpenid } from '@hongjia/functions/commons/users';
import { districts } from '@hongjia/shared';

/**
 * One self-service print terminal account per district: `dev:terminal-360102`
 * signs in as the terminals of 东湖区. A terminal may redeem print codes at
 * the print points of its own district only (checked by the print service).
 */
export function terminalOpenid(districtCode: string): string {
  return `terminal-${districtCode}`;
}

export async function seedTerminals(users: UserEntity, createdAt: string): Promise<number> {
  const terminals = districts.map((district) => ({
    userId: userIdForOpenid(terminalOpenid(district.code)),
    openid: terminalOpenid(district.code),
    roles: ['terminal' as const],
    district: district.code,
    displayName: `${district.name}自助打印终端`,
    createdAt,
  }));
  await users.put(terminals).go({ concurrency: 4 });
  return terminals.length;
}
