export default definePageConfig({ navigationBarTitleText: '证件查询', enablePullDownRefresh: true });
