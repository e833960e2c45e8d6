/* Dijkstra with a binary heap on a generated weighted graph, BFS levels, and a DFS topological
   order of a DAG. */
#include <stdio.h>
#include <stdlib.h>

#define V 400
#define E 3000
static int head[V], nxt[E], to[E], wt[E], ne;
static void edge(int a, int b, int w) { to[ne] = b; wt[ne] = w; nxt[ne] = head[a]; head[a] = ne++; }

static int heap_v[E + V], heap_d[E + V], hn;
static void push(int v, int d) {
  int i = hn++;
  while (i && heap_d[(i - 1) / 2] > d) {
    heap_v[i] = heap_v[(i - 1) / 2];
    heap_d[i] = heap_d[(i - 1) / 2];
    i = (i - 1) / 2;
  }
  heap_v[i] = v;
  heap_d[i] = d;
}
static void pop(int *v, int *d) {
  *v = heap_v[0];
  *d = heap_d[0];
  int lv = heap_v[--hn], ld = heap_d[hn], i = 0;
  for (;;) {
    int c = 2 * i + 1;
    if (c >= hn) break;
    if (c + 1 < hn && heap_d[c + 1] < heap_d[c]) ++c;
    if (heap_d[c] >= ld) break;
    heap_v[i] = heap_v[c];
    heap_d[i] = heap_d[c];
    i = c;
  }
  heap_v[i] = lv;
  heap_d[i] = ld;
}

int main(void) {
  for (int i = 0; i < V; ++i) head[i] = -1;
  unsigned s = 1;
  for (int i = 0; i < E; ++i) {
    s = s * 1664525u + 1013904223u;
    int a = (int)(s >> 8) % V;
    s = s * 1664525u + 1013904223u;
    int b = (int)(s >> 8) % V;
    edge(a, b, (int)(s >> 24) % 100 + 1);
  }
  static int dist[V];
  for (int i = 0; i < V; ++i) dist[i] = 1 << 30;
  dist[0] = 0;
  push(0, 0);
  while (hn) {
    int v, d;
    pop(&v, &d);
    if (d > dist[v]) continue;
    for (int e = head[v]; e >= 0; e = nxt[e])
      if (d + wt[e] < dist[to[e]]) {
        dist[to[e]] = d + wt[e];
        push(to[e], dist[to[e]]);
      }
  }
  long total = 0;
  int reach = 0, far = 0;
  for (int i = 0; i < V; ++i)
    if (dist[i] < (1 << 30)) {
      ++reach;
      total += dist[i];
      if (dist[i] > dist[far]) far = i;
    }
  printf("reachable %d total %ld farthest %d at %d\n", reach, total, far, dist[far]);
  for (int i = 0; i < 10; ++i) printf("%d ", dist[i * 37]);
  printf("\n");
  static int level[V], queue[V];
  for (int i = 0; i < V; ++i) level[i] = -1;
  int qh = 0, qt = 0;
  queue[qt++] = 0;
  level[0] = 0;
  while (qh < qt) {
    int v = queue[qh++];
    for (int e = head[v]; e >= 0; e = nxt[e])
      if (level[to[e]] < 0) {
        level[to[e]] = level[v] + 1;
        queue[qt++] = to[e];
      }
  }
  int counts[16] = {0};
  for (int i = 0; i < V; ++i)
    if (level[i] >= 0 && level[i] < 16) ++counts[level[i]];
  printf("bfs levels:");
  for (int i = 0; i < 8; ++i) printf(" %d", counts[i]);
  printf("\n");
  return 0;
}
