import { privacyPolicyVersion } from '@hongjia/shared';

/**
 * 隐私保护指引 (privacy guideline). Its version is the server's (shared `privacyPolicyVersion`):
 * bump it there whenever the text changes in substance; users who agreed to an older version
 * are asked again, here and by the server (403 CONSENT_REQUIRED).
 */
export const privacyVersion = privacyPolicyVersion;

export const privacySummary =
  '为向您提供家庭服务，我们会在您登录时使用微信身份标识（openid）；办理生育登记等业务时才会收集身份证号、手机号；查找附近机构时，仅在您同意后使用大致位置。详情请阅读《洪家隐私保护指引》。';

export interface PrivacySection {
  title: string;
  paragraphs: string[];
}

export const privacySections: PrivacySection[] = [
  {
    title: '一、我们是谁',
    paragraphs: [
      '“洪家”是南昌市卫生健康委员会提供的家庭服务小程序，用于生育登记、证件查询、托育服务和计划生育特殊家庭帮扶。',
    ],
  },
  {
    title: '二、我们收集哪些信息，为什么',
    paragraphs: [
      '登录：您的微信身份标识（openid），用于识别您的账号。我们不获取您的微信昵称、头像或手机号。',
      '办理业务时（功能开放后）：生育登记需要夫妻双方的姓名、身份证号、手机号和户籍地；托育预约需要儿童姓名、出生日期和监护人手机号。这些信息只用于办理您提交的业务。',
      '位置：仅在您查找附近托育机构或服务网点、并在微信弹窗中同意后，使用大致位置（模糊定位）；不同意时，您可以选择县区进行查找。',
    ],
  },
  {
    title: '三、我们如何保护和使用信息',
    paragraphs: [
      '身份证号、手机号加密保存；在页面和接口中除本人和确需办理的工作人员外，均以掩码显示（如 138****5678）。',
      '工作人员查看计划生育特殊家庭档案时留有记录，家庭可查询谁查看过自己的档案。',
      '我们不会将您的信息用于广告或提供给与办理业务无关的第三方。',
    ],
  },
  {
    title: '四、保存多久',
    paragraphs: [
      '登录凭证在有效期结束或您退出登录后失效。',
      '业务办理记录按照政务档案管理的规定期限保存，期满后删除或匿名化处理。',
      '位置只用于当次查找，不保存。',
    ],
  },
  {
    title: '五、您的权利',
    paragraphs: [
      '您可以在“我的”中退出登录，查询、更正您提交的信息；不同意本指引时，您仍可浏览公开信息，但无法登录和办理业务。',
    ],
  },
  {
    title: '六、联系我们',
    paragraphs: [
      '如对本指引或个人信息处理有疑问，可拨打 12345 南昌市政务服务便民热线，或前往所在县区卫生健康委员会咨询。',
    ],
  },
];
