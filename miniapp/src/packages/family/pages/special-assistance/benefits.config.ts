export default definePageConfig({ navigationBarTitleText: '我的扶助政策' });
