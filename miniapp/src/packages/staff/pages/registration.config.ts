export default definePageConfig({ navigationBarTitleText: '登记详情' });
