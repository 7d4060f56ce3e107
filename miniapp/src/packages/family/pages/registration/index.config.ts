export default definePageConfig({ navigationBarTitleText: '生育登记', enablePullDownRefresh: true });
