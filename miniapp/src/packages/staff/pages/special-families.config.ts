export default definePageConfig({ navigationBarTitleText: '特殊家庭档案' });
