export default definePageConfig({ navigationBarTitleText: '托育统计' });
