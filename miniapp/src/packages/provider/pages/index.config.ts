export default definePageConfig({ navigationBarTitleText: '托育机构工作台', enablePullDownRefresh: true });
