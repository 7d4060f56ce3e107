export default definePageConfig({ navigationBarTitleText: '机构预约', enablePullDownRefresh: true });
