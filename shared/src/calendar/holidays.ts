/**
 * China's public-holiday calendar as data: the days off (放假, weekday or
 * weekend) and the weekend days worked instead (调休上班) of each year, from
 * the State Council General Office's yearly notice (国务院办公厅关于 XXXX 年
 * 部分节假日安排的通知, published each November for the next year). A year
 * whose notice was not checked is `confirmed: false` and says what it rests on;
 * replace it when the notice is out. Years not listed count weekends only.
 */
export interface HolidaySpan {
  name: string;
  /** First and last day off, YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
}

export interface HolidayYear {
  year: number;
  confirmed: boolean;
  sourceNote: string;
  daysOff: HolidaySpan[];
  /** Saturdays and Sundays that are working days (调休). */
  workingWeekendDays: string[];
}

export const chinaHolidayYears: readonly HolidayYear[] = [
  {
    year: 2025,
    confirmed: true,
    sourceNote:
      '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日，新华社受权发布）；自2025年起春节、劳动节各增加1天（2024年修订的《全国年节及纪念日放假办法》）。',
    daysOff: [
      { name: '元旦', from: '2025-01-01', to: '2025-01-01' },
      { name: '春节', from: '2025-01-28', to: '2025-02-04' },
      { name: '清明节', from: '2025-04-04', to: '2025-04-06' },
      { name: '劳动节', from: '2025-05-01', to: '2025-05-05' },
      { name: '端午节', from: '2025-05-31', to: '2025-06-02' },
      { name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08' },
    ],
    workingWeekendDays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  {
    year: 2026,
    confirmed: true,
    sourceNote: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日，新华社受权发布）。',
    daysOff: [
      { name: '元旦', from: '2026-01-01', to: '2026-01-03' },
      { name: '春节', from: '2026-02-15', to: '2026-02-23' },
      { name: '清明节', from: '2026-04-04', to: '2026-04-06' },
      { name: '劳动节', from: '2026-05-01', to: '2026-05-05' },
      { name: '端午节', from: '2026-06-19', to: '2026-06-21' },
      { name: '中秋节', from: '2026-09-25', to: '2026-09-27' },
      { name: '国庆节', from: '2026-10-01', to: '2026-10-07' },
    ],
    workingWeekendDays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
  {
    year: 2027,
    confirmed: false,
    sourceNote:
      '未核对：2027年的放假通知尚未查到。暂按《全国年节及纪念日放假办法》（2024年修订）只录入法定假日当天（元旦1天，春节除夕至初三4天，清明、端午、中秋各1天，劳动节2天，国庆3天），不含调休；春节按正月初一为2月6日，端午（6月9日）、中秋（9月15日）按农历推算。通知公布后请按原文替换。',
    daysOff: [
      { name: '元旦', from: '2027-01-01', to: '2027-01-01' },
      { name: '春节', from: '2027-02-05', to: '2027-02-08' },
      { name: '清明节', from: '2027-04-05', to: '2027-04-05' },
      { name: '劳动节', from: '2027-05-01', to: '2027-05-02' },
      { name: '端午节', from: '2027-06-09', to: '2027-06-09' },
      { name: '中秋节', from: '2027-09-15', to: '2027-09-15' },
      { name: '国庆节', from: '2027-10-01', to: '2027-10-03' },
    ],
    workingWeekendDays: [],
  },
];
