/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-synthetic"

#include "config.h"

#include "dramatis-synthetic.h"

/* Synthetic stories for tests and benchmarks: any size, the same text for
 * the same seed on every machine (GRand's Mersenne Twister is specified),
 * and shaped like real ones: dates of every precision, some spans and
 * approximate dates, relations that gather around a few hub actors, and
 * evidence pointing into a source text.
 */

static const char *const words[] = {
  "council", "troops", "sanctions", "missile", "launch", "envoy", "border", "talks",
  "treaty", "ceasefire", "panel", "veto", "resolution", "deployment", "training",
  "artillery", "drone", "regime", "support", "threat", "security", "region", "peace",
  "statement", "meeting", "delegation", "minister", "aid", "exercise", "violation",
};

static const char *const relation_types[] = {
  "supports", "condemns", "represents", "sends_troops_to", "member_of", "allied_with",
  "accuses", "shields", "sanctions", "negotiates_with",
};

static const char *const kinds[] = { "state", "organization", "person", "group", "other" };

static void
append_words (GString *out,
              GRand   *rand,
              guint    n_words)
{
  for (guint i = 0; i < n_words; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
    }
}

static void
append_date (GString    *out,
             GRand      *rand,
             const char *member,
             int         year)
{
  int month = g_rand_int_range (rand, 1, 13);
  int day = g_rand_int_range (rand, 1, 29);
  int precision = g_rand_int_range (rand, 0, 100);

  g_string_append_printf (out, "\"%s\": ", member);
  if (precision < 10)
    g_string_append_printf (out, "\"%04d\"", year);
  else if (precision < 25)
    g_string_append_printf (out, "\"%04d-%02d\"", year, month);
  else if (precision < 85)
    g_string_append_printf (out, "\"%04d-%02d-%02d\"", year, month, day);
  else
    g_string_append_printf (out, "\"%04d-%02d-%02dT%02d:%02d+0%d:00\"", year, month, day,
                            g_rand_int_range (rand, 0, 24), g_rand_int_range (rand, 0, 60),
                            g_rand_int_range (rand, 0, 10));
}

static void
append_evidence (GString    *out,
                 GRand      *rand,
                 const char *text,
                 guint       text_length)
{
  guint start = g_rand_int_range (rand, 0, text_length - 80);
  guint end = start + g_rand_int_range (rand, 20, 80);

  g_string_append_printf (out, ", \"sources\": [{\"source_id\": \"s0\", \"start\": %u, \"end\": %u", start, end);
  if (g_rand_int_range (rand, 0, 4) == 0)
    {
      g_string_append (out, ", \"exact\": \"");
      g_string_append_len (out, text + start, end - start);
      g_string_append_c (out, '"');
    }
  g_string_append (out, "}]");
}

/**
 * dramatis_synthetic_story:
 * @size: how many items of each kind, and the seed
 *
 * Returns: (transfer full): the text of a valid story file
 */
GString *
dramatis_synthetic_story (const DramatisSyntheticSize *size)
{
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree guint *endpoints = NULL;
  guint n_endpoints = 0;
  GString *out;

  g_return_val_if_fail (size != NULL, NULL);
  g_return_val_if_fail (size->n_actors > 0 || (size->n_relations == 0 && size->n_statements == 0), NULL);

  rand = g_rand_new_with_seed (size->seed);
  out = g_string_sized_new (300 * (size->n_events + size->n_statements) + 200 * size->n_actors);

  /* One source whose text the evidence points into: plain ASCII, so that
   * characters and bytes agree and the quotes can be cut out by bytes.
   */
  while (text->len < 4000)
    {
      append_words (text, rand, 12);
      g_string_append (text, ". ");
    }

  g_string_append_printf (out,
                          "{\n\"format\": \"dramatis-story\",\n\"version\": \"1.0\",\n"
                          "\"title\": \"Synthetic story %u\",\n\"language\": \"en\",\n"
                          "\"sources\": [{\"id\": \"s0\", \"title\": \"Synthetic source\", "
                          "\"publisher\": \"Dramatis\", \"text\": \"%s\"}],\n",
                          size->seed, text->str);

  g_string_append (out, "\"actors\": [\n");
  for (guint i = 0; i < size->n_actors; i++)
    {
      const char *kind = kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))];

      g_string_append_printf (out, "%s{\"id\": \"a%u\", \"name\": \"", i ? ",\n" : "", i);
      append_words (out, rand, 2);
      g_string_append_printf (out, " %u\", \"kind\": \"%s\"", i, kind);
      if (g_rand_int_range (rand, 0, 3) == 0)
        {
          g_string_append (out, ", \"role\": \"");
          append_words (out, rand, 1);
          g_string_append (out, "\"");
        }
      if (i > 0 && g_rand_int_range (rand, 0, 5) == 0)
        g_string_append_printf (out, ", \"affiliation_id\": \"a%u\"", g_rand_int_range (rand, 0, i));
      if (g_rand_int_range (rand, 0, 10) == 0)
        g_string_append_printf (out, ", \"position\": {\"x\": %d.5, \"y\": %d.25, \"pinned\": true}",
                                g_rand_int_range (rand, -1000, 1000), g_rand_int_range (rand, -1000, 1000));
      g_string_append (out, "}");
    }

  g_string_append (out, "\n],\n\"events\": [\n");
  for (guint i = 0; i < size->n_events; i++)
    {
      int year = g_rand_int_range (rand, 1990, 2026);
      guint n_participants = size->n_actors > 0 ? g_rand_int_range (rand, 1, 5) : 0;

      g_string_append_printf (out, "%s{\"id\": \"e%u\", \"name\": \"", i ? ",\n" : "", i);
      append_words (out, rand, 4);
      g_string_append (out, "\", ");
      append_date (out, rand, "start_date", year);
      if (g_rand_int_range (rand, 0, 10) == 0)
        {
          g_string_append (out, ", ");
          append_date (out, rand, "end_date", year + g_rand_int_range (rand, 1, 4));
        }
      if (g_rand_int_range (rand, 0, 20) == 0)
        g_string_append (out, ", \"date_approximate\": true");
      g_string_append (out, ", \"description\": \"");
      append_words (out, rand, 12);
      g_string_append (out, "\", \"participants\": [");
      for (guint j = 0; j < n_participants; j++)
        g_string_append_printf (out, "%s{\"actor_id\": \"a%u\"}", j ? ", " : "",
                                g_rand_int_range (rand, 0, size->n_actors));
      g_string_append (out, "]");
      append_evidence (out, rand, text->str, text->len);
      g_string_append (out, "}");
    }

  /* Preferential attachment: one end of each new relation is the end of an
   * earlier one as often as not, which grows hubs as real stories have.
   */
  endpoints = g_new (guint, 2 * MAX (size->n_relations, 1));
  g_string_append (out, "\n],\n\"relations\": [\n");
  for (guint i = 0; i < size->n_relations; i++)
    {
      guint from = g_rand_int_range (rand, 0, size->n_actors);
      guint to = n_endpoints > 0 && g_rand_boolean (rand)
                 ? endpoints[g_rand_int_range (rand, 0, n_endpoints)]
                 : (guint) g_rand_int_range (rand, 0, size->n_actors);

      endpoints[n_endpoints++] = from;
      endpoints[n_endpoints++] = to;
      g_string_append_printf (out, "%s{\"id\": \"r%u\", \"type\": \"%s\", \"from\": \"a%u\", \"to\": \"a%u\"",
                              i ? ",\n" : "", i,
                              relation_types[g_rand_int_range (rand, 0, G_N_ELEMENTS (relation_types))],
                              from, to);
      if (g_rand_int_range (rand, 0, 4) == 0)
        {
          g_string_append (out, ", ");
          append_date (out, rand, "start_date", g_rand_int_range (rand, 1990, 2026));
        }
      append_evidence (out, rand, text->str, text->len);
      g_string_append (out, "}");
    }

  g_string_append (out, "\n],\n\"statements\": [\n");
  for (guint i = 0; i < size->n_statements; i++)
    {
      g_string_append_printf (out, "%s{\"id\": \"q%u\", \"creator_id\": \"a%u\", \"text\": \"",
                              i ? ",\n" : "", i, g_rand_int_range (rand, 0, size->n_actors));
      append_words (out, rand, g_rand_int_range (rand, 8, 30));
      g_string_append (out, "\", ");
      append_date (out, rand, "date", g_rand_int_range (rand, 1990, 2026));
      if (size->n_events > 0 && g_rand_int_range (rand, 0, 10) < 7)
        g_string_append_printf (out, ", \"event_id\": \"e%u\"", g_rand_int_range (rand, 0, size->n_events));
      if (g_rand_int_range (rand, 0, 3) == 0)
        g_string_append_printf (out, ", \"about_ids\": [\"a%u\"]", g_rand_int_range (rand, 0, size->n_actors));
      append_evidence (out, rand, text->str, text->len);
      g_string_append (out, "}");
    }

  g_string_append (out, "\n]\n}\n");

  return out;
}
