export default definePageConfig({ navigationBarTitleText: '形势报告' });
