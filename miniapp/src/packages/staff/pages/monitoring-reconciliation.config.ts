export default definePageConfig({ navigationBarTitleText: '核查清单' });
