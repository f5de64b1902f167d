import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';

import { useCall } from '../../hooks/useCall';
import { useSession } from '../../hooks/useSession';
import { useI18n } from '../../i18n';
import { isArticle, publishedDay } from '../../services/articles';

import './index.css';

function safeDecode(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v; // already decoded by the platform and containing a literal '%'
  }
}

export default function ArticlePage() {
  const { t } = useI18n();
  const { loading: sessionLoading } = useSession();
  const id = safeDecode(useRouter().params.id ?? '');
  // Wait for the launch login: under openid-auto it creates the user whose access we read with.
  const article = useCall('records', 'get', { object: 'article', id }, { enabled: !!id && !sessionLoading });

  if (!id) {
    return (
      <View className="page">
        <Text id="article-error" className="error-text">
          {t.article.missing}
        </Text>
      </View>
    );
  }
  if (article.loading) {
    return (
      <View className="page">
        <Text id="article-loading" className="muted">
          {t.article.loading}
        </Text>
      </View>
    );
  }
  if (article.error || !isArticle(article.data)) {
    return (
      <View className="page">
        <View id="article-error" className="card card--error">
          <Text className="error-text">{article.error?.message ?? t.errors.malformed}</Text>
          <Button className="btn btn--plain" size="mini" onClick={article.reload}>
            {t.article.retry}
          </Button>
        </View>
      </View>
    );
  }
  const a = article.data;
  return (
    <View className="page article">
      <Text id="article-title" className="article__title">
        {a.title}
      </Text>
      <Text id="article-date" className="muted small">
        {publishedDay(a.publishedAt)}
      </Text>
      <Text id="article-body" className="article__body">
        {a.body}
      </Text>
    </View>
  );
}
