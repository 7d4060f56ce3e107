export default definePageConfig({ navigationBarTitleText: '社会组织工作台', enablePullDownRefresh: false });
