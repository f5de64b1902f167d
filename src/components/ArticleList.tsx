import { Button, Text, View } from '@tarojs/components';

import type { CallState } from '../hooks/useCall';
import { useI18n } from '../i18n';
import { isArticle, publishedDay } from '../services/articles';
import type { ActionOut, ArticleView } from '../services/contracts';

interface Props {
  list: CallState<ActionOut<'records', 'list'>>;
  onOpen: (article: ArticleView) => void;
}

/** The public article list with its loading, error (server message) and empty states. */
export function ArticleList({ list, onOpen }: Props) {
  const { t } = useI18n();
  if (list.loading) {
    return (
      <View id="articles-loading" className="card">
        <Text className="muted">{t.home.loading}</Text>
      </View>
    );
  }
  if (list.error) {
    return (
      <View id="articles-error" className="card card--error">
        <Text className="error-text">{list.error.message}</Text>
        <Button id="articles-retry" className="btn btn--plain" size="mini" onClick={list.reload}>
          {t.home.retry}
        </Button>
      </View>
    );
  }
  const articles = (list.data?.items ?? []).filter(isArticle);
  if (articles.length === 0) {
    return (
      <View id="articles-empty" className="card">
        <Text className="muted">{t.home.empty}</Text>
      </View>
    );
  }
  return (
    <View className="article-list">
      {articles.map((a) => (
        <View key={a.id} className="card article-item" onClick={() => onOpen(a)}>
          <Text className="article-title">{a.title}</Text>
          {a.summary && <Text className="article-summary">{a.summary}</Text>}
          <Text className="muted small">{publishedDay(a.publishedAt)}</Text>
        </View>
      ))}
    </View>
  );
}
