export default definePageConfig({ navigationBarTitleText: '生育登记审核' });
