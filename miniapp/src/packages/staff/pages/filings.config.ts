export default definePageConfig({ navigationBarTitleText: '托育备案审核' });
