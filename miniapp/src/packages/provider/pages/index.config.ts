export default definePageConfig({ navigationBarTitleText: '机构工作台' });
