export default definePageConfig({ navigationBarTitleText: '档案查看记录', enablePullDownRefresh: true });
