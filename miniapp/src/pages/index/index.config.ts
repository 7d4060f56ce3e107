export default definePageConfig({ navigationBarTitleText: '洪家' });
