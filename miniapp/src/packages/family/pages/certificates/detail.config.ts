export default definePageConfig({ navigationBarTitleText: '证件详情' });
