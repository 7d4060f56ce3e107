import type { Service } from '../../components/ServiceCard';
import { entryRoutes as routes } from '../../config/entry-routes';

/**
 * The home page's service grid, in the order a family meets them; each opens its page in the
 * family subpackage. Icons by key in components/service-icons.ts (a key without one shows `glyph`).
 * 出生一件事 stays under 生育登记: the home page is every family's, special families' too (SPEC C3).
 */
export const services: Service[] = [
  {
    key: 'registration',
    name: '生育登记',
    glyph: '登',
    description: '网上办理生育登记，全程不跑腿',
    url: routes.registration,
  },
  {
    key: 'certificates',
    name: '证件查询',
    glyph: '证',
    description: '查看电子证明，就近打印',
    url: routes.certificates,
  },
  {
    key: 'childcare',
    name: '托育服务',
    glyph: '托',
    description: '查找附近普惠托育机构并预约',
    url: routes.childcare,
  },
  {
    key: 'special-assistance',
    name: '特殊家庭帮扶',
    glyph: '扶',
    description: '查看扶助政策，申请生活和就医帮助',
    url: routes.specialAssistance,
  },
  {
    key: 'service-points',
    name: '服务网点',
    glyph: '点',
    description: '附近的打印、领取和咨询网点',
    url: routes.servicePoints,
  },
  {
    key: 'bookings',
    name: '我的预约',
    glyph: '约',
    description: '托位预约、候补和取消',
    url: routes.bookings,
  },
  {
    key: 'messages',
    name: '消息',
    glyph: '信',
    description: '审核结果、递补通知',
    url: routes.messages,
  },
  {
    key: 'family-policies',
    name: '生育支持政策',
    glyph: '策',
    description: '生育保险、产假育儿假、育儿补贴和托育',
    url: routes.familyPolicies,
  },
  {
    key: 'articles',
    name: '科学育儿',
    glyph: '育',
    description: '按孩子月龄看喂养、睡眠、发育、接种和安全知识',
    url: routes.articles,
  },
];
