import type { MySpecialFamily } from '@hongjia/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { SubmitButton } from '../../../../components/SubmitButton';
import { contactRows } from '../../../../special-assistance/contacts';

/** 联系人和医生: who helps the family, each with a one-tap call (三个全覆盖). */
export function ContactList({ family }: { family: MySpecialFamily }) {
  return (
    <View className="section" id="special-contacts" role="list" aria-label="联系人和医生">
      <Text className="title">联系人和医生</Text>
      {contactRows(family).map((row) => (
        <View key={row.key} className="sa-contact" role="listitem" id={`special-${row.key}`}>
          <Text className="text sa-card__name">{row.title}</Text>
          {row.who ? (
            <>
              <Text className="text">{row.who}</Text>
              {row.detail ? <Text className="muted">{row.detail}</Text> : null}
              {row.phone ? (
                <>
                  <Text className="text">电话 {row.phone}</Text>
                  <SubmitButton
                    id={`special-call-${row.key}`}
                    label={`打电话给${row.title}${row.who}`}
                    onClick={() => Taro.makePhoneCall({ phoneNumber: row.phone ?? '' })}
                  >
                    打电话
                  </SubmitButton>
                </>
              ) : null}
            </>
          ) : (
            <Text className="muted">{row.missing}</Text>
          )}
        </View>
      ))}
    </View>
  );
}
