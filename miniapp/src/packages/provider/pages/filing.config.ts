export default definePageConfig({ navigationBarTitleText: '机构登记备案' });
