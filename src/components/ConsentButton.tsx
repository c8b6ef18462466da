import { View } from '@tarojs/components';
import type { TemplateKey } from '@domain/alerts/templates';
import { askConsent, CONSENT_HINT } from '../api/consent';

/**
 * 开启提醒: asks for WeChat consents straight from the user's tap (the only moment WeChat allows it),
 * and says plainly that the message centre is where every alert is; WeChat only nudges.
 */
export function ConsentButton({ templates, label = '开启微信提醒' }: { templates: TemplateKey[]; label?: string }) {
  return (
    <View className="consent-row" data-testid="consent-row">
      <View className="btn btn-plain btn-small consent-button" data-testid="consent-button" onClick={() => void askConsent(...templates)}>
        {label}
      </View>
      <View className="muted consent-hint">{CONSENT_HINT}</View>
    </View>
  );
}
