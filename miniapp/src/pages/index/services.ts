import type { Service } from '../../components/ServiceCard';
import { routes } from '../../config/routes';

/** The services of the home page; each opens its page in the family subpackage. */
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
