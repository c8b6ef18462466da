import { Text, View } from '@tarojs/components';
import { retryHelps } from '../api/client';

export function Loading({ text = '加载中…' }: { text?: string }) {
  return (
    <View className="state state-loading" data-testid="state-loading">
      <Text>{text}</Text>
    </View>
  );
}

export function Empty({ text, icon = '✓' }: { text: string; icon?: string }) {
  return (
    <View className="state state-empty" data-testid="state-empty">
      <View className="state-icon">{icon}</View>
      <Text>{text}</Text>
    </View>
  );
}

export function ErrorState({ text, onRetry }: { text: string; onRetry?: () => void }) {
  return (
    <View className="state state-error" data-testid="state-error">
      <View className="state-icon">!</View>
      <Text>{text}</Text>
      {onRetry && retryHelps(text) && (
        <View className="btn btn-plain btn-small state-retry" onClick={onRetry}>
          重试
        </View>
      )}
    </View>
  );
}

/** What a page shows until its data first arrives: the load's error with a retry, else the spinner. */
export function Pending({ error, onRetry }: { error: string | null; onRetry: () => void }) {
  return error ? <ErrorState text={error} onRetry={onRetry} /> : <Loading />;
}
