/**
 * Posts `.review/comment.md` on its pull request as one comment marked `<!-- gongkai-review -->`,
 * created once and updated afterwards. Run by .github/workflows/review-comment.yml with a token
 * that may write comments, on an artifact that the pull request's own code produced: so the
 * artifact is untrusted text. The pull request number must belong to the reviewed commit, the
 * body is capped, mentions are defused and the marker cannot be faked. Plain Node, no packages:
 * the workflow runs it without installing the project.
 *   GITHUB_TOKEN=… GITHUB_REPOSITORY=owner/name REVIEW_DIR=… HEAD_SHA=… node scripts/review-comment.mjs
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const MARKER = '<!-- gongkai-review -->';
/** GitHub refuses comment bodies over 65,536 characters. */
const MAX_BODY = 65_000;
const BOT = 'github-actions[bot]';

/** The comment text from the artifact, made safe to post: one marker on top, no mentions, capped. */
export function commentBody(text) {
  let body = text
    .replace(/\r\n?/g, '\n')
    .split(MARKER)
    .join('')
    // A zero-width space after "@" keeps the text readable and notifies nobody.
    .replace(/@(?=[A-Za-z0-9-])/g, '@\u200b')
    .trim();
  const cut = '\n\n（评审结果过长，已截断；完整内容见工作流的 review 产物。）';
  if (body.length > MAX_BODY) body = body.slice(0, MAX_BODY - cut.length) + cut;
  return `${MARKER}\n${body}\n`;
}

/** The pull request number from the artifact: digits only, or an error. */
export function prNumber(text) {
  const value = text.trim();
  if (!/^[1-9][0-9]{0,9}$/.test(value))
    throw new Error(`pr-number 不是合法的编号：${JSON.stringify(value.slice(0, 40))}`);
  return Number(value);
}

async function call(api, token, method, path, body) {
  const response = await fetch(`${api}${path}`, {
    method,
    headers: {
      accept: 'application/vnd.github+json',
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'x-github-api-version': '2022-11-28',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status}`);
  return response.json();
}

/**
 * Creates or updates the review comment. `headSha` comes from the workflow_run event (trusted):
 * the pull request named by the artifact must have that head, so an artifact cannot send the
 * comment to another pull request.
 */
export async function postReview({ api, repo, token, dir, headSha }) {
  const number = prNumber(readFileSync(join(dir, 'pr-number'), 'utf8'));
  const pull = await call(api, token, 'GET', `/repos/${repo}/pulls/${number}`);
  if (pull.head?.sha !== headSha) {
    throw new Error(
      `拉取请求 #${number} 的最新提交 ${pull.head?.sha} 不是被评审的提交 ${headSha}：不发表评论`,
    );
  }
  const body = commentBody(readFileSync(join(dir, 'comment.md'), 'utf8'));
  for (let page = 1; ; page++) {
    const comments = await call(
      api,
      token,
      'GET',
      `/repos/${repo}/issues/${number}/comments?per_page=100&page=${page}`,
    );
    const mine = comments.find((c) => c.user?.login === BOT && c.body?.startsWith(MARKER));
    if (mine) {
      await call(api, token, 'PATCH', `/repos/${repo}/issues/comments/${mine.id}`, { body });
      return { action: 'updated', number, id: mine.id };
    }
    if (comments.length < 100) break;
  }
  const created = await call(api, token, 'POST', `/repos/${repo}/issues/${number}/comments`, { body });
  return { action: 'created', number, id: created.id };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const env = process.env;
  postReview({
    api: env.GITHUB_API_URL ?? 'https://api.github.com',
    repo: env.GITHUB_REPOSITORY,
    token: env.GITHUB_TOKEN,
    dir: env.REVIEW_DIR ?? '.review',
    headSha: env.HEAD_SHA,
  }).then(
    (result) => console.log(`评审评论已${result.action === 'created' ? '发表' : '更新'}：#${result.number}`),
    (error) => {
      console.error(`评审评论未发表：${error.message}`);
      process.exit(1);
    },
  );
}
