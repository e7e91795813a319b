/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "dramatis-story-io.h"

/* The story Dramatis ships with, a VOA report on the UN Security Council
 * meeting about North Korean troops in Russia: it loads without a single
 * problem, every quotation of the article is a statement of the right
 * speaker, every relation rests on a passage of the article, and the dates
 * carry no more precision than the article gives.
 */

#define N_ACTORS     22
#define N_EVENTS     10
#define N_RELATIONS  30
#define N_STATEMENTS 17

static DramatisStory *
load_builtin (void)
{
  g_autoptr(GError) error = NULL;
  DramatisStory *story;

  story = dramatis_story_load_builtin (&error);
  g_assert_no_error (error);
  g_assert_nonnull (story);

  return story;
}

static const DramatisSource *
article (DramatisStory *story)
{
  const DramatisSource *source;

  g_assert_cmpuint (dramatis_story_get_n_sources (story), ==, 1);
  source = dramatis_story_get_source (story, 0);
  g_assert_nonnull (source->text);

  return source;
}

static const DramatisActor *
actor_by_id (DramatisStory *story,
             const char    *id)
{
  guint index = dramatis_story_find_actor (story, id);

  if (index == DRAMATIS_NO_INDEX)
    g_error ("no actor “%s”", id);

  return dramatis_story_get_actor (story, index);
}

static const DramatisEvent *
event_by_id (DramatisStory *story,
             const char    *id)
{
  guint index = dramatis_story_find_event (story, id);

  if (index == DRAMATIS_NO_INDEX)
    g_error ("no event “%s”", id);

  return dramatis_story_get_event (story, index);
}

/* The one statement whose text holds @phrase. */
static const DramatisStatement *
statement_with (DramatisStory *story,
                const char    *phrase)
{
  const DramatisStatement *found = NULL;

  for (guint i = 0; i < dramatis_story_get_n_statements (story); i++)
    {
      const DramatisStatement *statement = dramatis_story_get_statement (story, i);

      if (strstr (statement->text, phrase) == NULL)
        continue;
      if (found != NULL)
        g_error ("more than one statement holds “%s”", phrase);
      found = statement;
    }

  if (found == NULL)
    g_error ("no statement holds “%s”", phrase);

  return found;
}

static void
test_no_problems (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  const DramatisProblem *problems;
  guint n_problems;

  problems = dramatis_story_get_problems (story, &n_problems);
  for (guint i = 0; i < n_problems; i++)
    g_test_message ("%u:%u: %s: %s", problems[i].line, problems[i].column,
                    problems[i].path, problems[i].message);
  g_assert_cmpuint (n_problems, ==, 0);

  g_assert_cmpstr (dramatis_story_get_language (story), ==, "en");
  g_assert_nonnull (dramatis_story_get_title (story));
  g_assert_nonnull (dramatis_story_get_description (story));
}

static void
test_source (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  const DramatisSource *source = article (story);

  g_assert_cmpstr (source->publisher, ==, "Voice of America");
  g_assert_nonnull (source->license);
  g_assert_nonnull (source->title);
  /* The article does not say when it was published, nor is its address
   * known: neither is made up.
   */
  g_assert_false (dramatis_date_is_set (&source->published));
  g_assert_null (source->url);

  /* The article as published, without the page's "leave a reply:". */
  g_assert_true (g_str_has_prefix (source->text, "New York —\u00a0Russia refused to confirm"));
  g_assert_true (g_str_has_suffix (source->text, "VOA’s Kim Lewis contributed reporting for this story."));
  g_assert_null (strstr (source->text, "leave a reply"));
  g_assert_nonnull (strstr (source->text, "in the coming days.\u00a0\n\n“We’re not in a court here"));
  g_assert_cmpuint (source->text_length, ==, g_utf8_strlen (source->text, -1));
}

static void
test_counts (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();

  g_assert_cmpuint (dramatis_story_get_n_actors (story), ==, N_ACTORS);
  g_assert_cmpuint (dramatis_story_get_n_events (story), ==, N_EVENTS);
  g_assert_cmpuint (dramatis_story_get_n_relations (story), ==, N_RELATIONS);
  g_assert_cmpuint (dramatis_story_get_n_statements (story), ==, N_STATEMENTS);
}

static void
test_wood_statements (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  guint wood = dramatis_story_find_actor (story, "robert-wood");
  const char *phrases[] = {
    "whether there are DPRK troops on the ground in Russia",
    "my question still stands",
    "to include trench clearing",
  };
  const guint *statements;
  guint n_statements;

  g_assert_cmpuint (wood, !=, DRAMATIS_NO_INDEX);
  statements = dramatis_story_get_actor_statements (story, wood, &n_statements);
  g_assert_cmpuint (n_statements, ==, 3);

  for (guint p = 0; p < G_N_ELEMENTS (phrases); p++)
    {
      guint n_found = 0;

      for (guint i = 0; i < n_statements; i++)
        {
          const DramatisStatement *statement = dramatis_story_get_statement (story, statements[i]);

          g_assert_cmpuint (statement->speaker, ==, wood);
          n_found += strstr (statement->text, phrases[p]) != NULL;
        }
      g_assert_cmpuint (n_found, ==, 1);
    }

  /* The bracketed insertion of the article is kept as printed. */
  g_assert_true (g_str_has_prefix (statement_with (story, "DPRK troops on the ground")->text,
                                   "I heard the statement [of the Russian envoy], as did others"));
}

static void
test_speakers (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  const struct {
    const char *phrase;
    const char *speaker;
    const char *event;
  } cases[] = {
    { "We’re not in a court here", "anna-evstigneeva", "unsc-meeting" },
    { "yet another step towards demonizing the DPRK", "anna-evstigneeva", "unsc-meeting" },
    { "more desperate and dangerous", "joonkook-hwang", "unsc-meeting" },
    { "demanding more sacrifices from its own people", "joonkook-hwang", "unsc-meeting" },
    { "gain diplomatic leverage amid the U.S. presidential election", "joonkook-hwang", "unsc-meeting" },
    { "another flagrant violation of multiple Security Council resolutions", "joonkook-hwang", "unsc-meeting" },
    { "how they will react when faced in combat positions", "william-pomeranz", "voa-interview-pomeranz" },
    { "is an open question", "william-pomeranz", "voa-interview-pomeranz" },
    { "North Korea could benefit politically or diplomatically", "naoko-aoki", "voa-interview-aoki" },
    { "can shield North Korea in the U.N. Security Council", "naoko-aoki", "voa-interview-aoki" },
    { "around only 200 kilometers from the island of Hokkaido", "yamazaki-kazuyuki", "unsc-meeting" },
    { "a height of over 7,000 kilometers", "yamazaki-kazuyuki", "unsc-meeting" },
    { "unlawful", "kim-song", "unsc-meeting" },
    { "our ICBM Hwasong-19", "kim-song", "unsc-meeting" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const DramatisStatement *statement = statement_with (story, cases[i].phrase);

      g_assert_cmpstr (statement->speaker_id, ==, cases[i].speaker);
      g_assert_cmpuint (statement->speaker, ==, dramatis_story_find_actor (story, cases[i].speaker));
      g_assert_cmpstr (statement->event_id, ==, cases[i].event);
      g_assert_cmpuint (statement->event, ==, dramatis_story_find_event (story, cases[i].event));
    }

  /* The short quoted fragments are statements of their own. */
  g_assert_cmpstr (statement_with (story, "unlawful")->text, ==, "unlawful");
  g_assert_cmpstr (statement_with (story, "more desperate")->text, ==, "more desperate and dangerous");
}

/* Every quotation in the article, “…”, is the text of a statement, less the
 * comma that leads into an attribution.
 */
static void
test_every_quote_is_a_statement (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  const char *text = article (story)->text;
  const char *p = text;
  guint n_quotes = 0;

  while ((p = strstr (p, "“")) != NULL)
    {
      const char *begin = p + strlen ("“");
      const char *end = strstr (begin, "”");
      g_autofree char *quote = NULL;
      gboolean found = FALSE;

      g_assert_nonnull (end);
      quote = g_strndup (begin, end - begin);
      if (g_str_has_suffix (quote, ","))
        quote[strlen (quote) - 1] = '\0';

      for (guint i = 0; i < dramatis_story_get_n_statements (story); i++)
        found |= g_strcmp0 (dramatis_story_get_statement (story, i)->text, quote) == 0;
      if (!found)
        g_error ("the quotation “%s” is not a statement", quote);

      n_quotes++;
      p = end + strlen ("”");
    }

  g_assert_cmpuint (n_quotes, ==, N_STATEMENTS);
}

static void
assert_date (const DramatisDate    *date,
             const char            *iso,
             DramatisDatePrecision  precision,
             gboolean               inferred)
{
  g_autofree char *text = dramatis_date_to_iso8601 (date);

  g_assert_cmpstr (text, ==, iso);
  g_assert_cmpuint (date->precision, ==, precision);
  if (inferred)
    g_assert_true (date->flags & DRAMATIS_DATE_INFERRED);
  else
    g_assert_false (date->flags & DRAMATIS_DATE_INFERRED);
}

static void
test_event_dates (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  const DramatisEvent *event;

  /* Stated in full by the article. */
  event = event_by_id (story, "invasion-of-ukraine");
  assert_date (&event->when.start, "2022-02-24", DRAMATIS_DATE_PRECISION_DAY, FALSE);

  /* Day and month stated, the year inferred. */
  event = event_by_id (story, "panel-veto");
  assert_date (&event->when.start, "2024-03-28", DRAMATIS_DATE_PRECISION_DAY, TRUE);
  g_assert_nonnull (event->date_note);

  event = event_by_id (story, "icbm-launch");
  assert_date (&event->when.start, "2024-10-30", DRAMATIS_DATE_PRECISION_DAY, TRUE);
  g_assert_nonnull (event->date_note);

  /* "Monday": the first Monday after the launch. */
  event = event_by_id (story, "unsc-meeting");
  assert_date (&event->when.start, "2024-11-04", DRAMATIS_DATE_PRECISION_DAY, TRUE);
  g_assert_nonnull (strstr (event->date_note, "Monday"));

  /* Undated in the article: the year only, never a made-up month. */
  event = event_by_id (story, "troop-deployment");
  assert_date (&event->when.start, "2024", DRAMATIS_DATE_PRECISION_YEAR, TRUE);
  g_assert_nonnull (event->date_note);

  event = event_by_id (story, "troop-training");
  assert_date (&event->when.start, "2024", DRAMATIS_DATE_PRECISION_YEAR, TRUE);

  event = event_by_id (story, "rail-road-demolition");
  assert_date (&event->when.start, "2024", DRAMATIS_DATE_PRECISION_YEAR, TRUE);
  g_assert_true (event->when.start.flags & DRAMATIS_DATE_APPROXIMATE);

  event = event_by_id (story, "us-rok-exercises");
  assert_date (&event->when.start, "2024", DRAMATIS_DATE_PRECISION_YEAR, TRUE);

  /* Every inferred date says why. */
  for (guint i = 0; i < dramatis_story_get_n_events (story); i++)
    {
      event = dramatis_story_get_event (story, i);

      g_assert_true (dramatis_date_is_set (&event->when.start));
      if (event->when.start.flags & DRAMATIS_DATE_INFERRED)
        g_assert_nonnull (event->date_note);
      g_assert_cmpuint (event->n_evidence, >, 0);
      g_assert_cmpuint (event->n_participants, >, 0);
      for (guint j = 0; j < event->n_participants; j++)
        {
          g_assert_cmpuint (event->participants[j].actor, !=, DRAMATIS_NO_INDEX);
          g_assert_nonnull (event->participants[j].role);
        }
    }
}

static void
test_statement_evidence (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();

  for (guint i = 0; i < dramatis_story_get_n_statements (story); i++)
    {
      const DramatisStatement *statement = dramatis_story_get_statement (story, i);
      g_autofree char *quoted = g_strconcat ("“", statement->text, NULL);

      g_assert_cmpuint (statement->speaker, !=, DRAMATIS_NO_INDEX);
      g_assert_cmpuint (statement->event, !=, DRAMATIS_NO_INDEX);
      g_assert_nonnull (statement->attribution);
      g_assert_true (dramatis_date_is_set (&statement->date));
      g_assert_cmpuint (statement->n_evidence, >, 0);
      for (guint j = 0; j < statement->n_about; j++)
        g_assert_cmpuint (statement->about[j], !=, DRAMATIS_NO_INDEX);

      for (guint j = 0; j < statement->n_evidence; j++)
        {
          g_autofree char *passage = dramatis_story_dup_evidence_text (story, &statement->evidence[j]);

          g_assert_cmpuint (statement->evidence[j].source, ==, 0);
          g_assert_nonnull (passage);
          g_assert_cmpstr (passage, ==, statement->evidence[j].exact);
          /* The quotation with its opening mark, and who said it. */
          g_assert_nonnull (strstr (passage, quoted));
          g_assert_nonnull (strstr (passage, statement->attribution));
        }
    }
}

static void
test_relations (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();

  for (guint i = 0; i < dramatis_story_get_n_relations (story); i++)
    {
      const DramatisRelation *relation = dramatis_story_get_relation (story, i);

      g_assert_nonnull (relation->type);
      for (const char *c = relation->type; *c != '\0'; c++)
        g_assert_true (g_ascii_islower (*c) || *c == '_');
      g_assert_nonnull (relation->label);
      g_assert_cmpuint (relation->from, !=, DRAMATIS_NO_INDEX);
      g_assert_cmpuint (relation->to, !=, DRAMATIS_NO_INDEX);
      g_assert_cmpuint (relation->n_evidence, >, 0);

      for (guint j = 0; j < relation->n_evidence; j++)
        {
          g_autofree char *passage = dramatis_story_dup_evidence_text (story, &relation->evidence[j]);

          g_assert_nonnull (passage);
          g_assert_cmpstr (passage, !=, "");
          g_assert_cmpstr (passage, ==, relation->evidence[j].exact);
        }
    }
}

static gboolean
has_relation (DramatisStory *story,
              const char    *type,
              const char    *from,
              const char    *to)
{
  for (guint i = 0; i < dramatis_story_get_n_relations (story); i++)
    {
      const DramatisRelation *relation = dramatis_story_get_relation (story, i);

      if (strcmp (relation->type, type) == 0 &&
          strcmp (relation->from_id, from) == 0 &&
          strcmp (relation->to_id, to) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_key_relations (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  const char *cases[][3] = {
    { "sends_troops_to", "north-korea", "russia" },
    { "trains", "russia", "north-korea" },
    { "shields", "russia", "north-korea" },
    { "invades", "russia", "ukraine" },
    { "questions", "united-states", "russia" },
    { "condemns", "south-korea", "north-korea" },
    { "accuses", "russia", "united-states" },
    { "rejects", "north-korea", "un-security-council" },
    { "represents", "robert-wood", "united-states" },
    { "represents", "anna-evstigneeva", "russia" },
    { "represents", "joonkook-hwang", "south-korea" },
    { "represents", "yamazaki-kazuyuki", "japan" },
    { "represents", "kim-song", "north-korea" },
    { "member_of", "william-pomeranz", "kennan-institute" },
    { "member_of", "naoko-aoki", "rand" },
    { "leads", "kim-jong-un", "north-korea" },
    { "monitors", "panel-of-experts", "north-korea" },
    { "exercises_with", "united-states", "south-korea" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    if (!has_relation (story, cases[i][0], cases[i][1], cases[i][2]))
      g_error ("no relation %s %s %s", cases[i][1], cases[i][0], cases[i][2]);
}

static void
test_actors (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  const char *text = article (story)->text;
  const char *named[] = {
    "united-states", "russia", "north-korea", "south-korea", "japan", "ukraine",
    "un-security-council", "panel-of-experts",
    "robert-wood", "anna-evstigneeva", "joonkook-hwang", "yamazaki-kazuyuki", "kim-song",
    "william-pomeranz", "kennan-institute", "naoko-aoki", "rand",
    "kim-jong-un", "voa", "kim-lewis",
  };
  const char *affiliations[][2] = {
    { "robert-wood", "united-states" },
    { "anna-evstigneeva", "russia" },
    { "joonkook-hwang", "south-korea" },
    { "yamazaki-kazuyuki", "japan" },
    { "kim-song", "north-korea" },
    { "william-pomeranz", "kennan-institute" },
    { "naoko-aoki", "rand" },
    { "kim-jong-un", "north-korea" },
    { "kim-lewis", "voa" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    g_assert_cmpuint (dramatis_story_find_actor (story, named[i]), !=, DRAMATIS_NO_INDEX);

  /* Every actor is named in the article, by its name or another. */
  for (guint i = 0; i < dramatis_story_get_n_actors (story); i++)
    {
      const DramatisActor *actor = dramatis_story_get_actor (story, i);
      gboolean found = strstr (text, actor->name) != NULL;

      for (guint j = 0; j < actor->n_other_names; j++)
        found |= strstr (text, actor->other_names[j]) != NULL;
      if (!found)
        g_error ("the article does not name the actor “%s”", actor->id);

      g_assert_nonnull (actor->summary);
      if (actor->affiliation_id != NULL)
        g_assert_cmpuint (actor->affiliation, !=, DRAMATIS_NO_INDEX);
      if (actor->kind == DRAMATIS_ACTOR_KIND_PERSON)
        g_assert_nonnull (actor->role);
    }

  for (guint i = 0; i < G_N_ELEMENTS (affiliations); i++)
    g_assert_cmpstr (actor_by_id (story, affiliations[i][0])->affiliation_id, ==, affiliations[i][1]);

  g_assert_cmpint (actor_by_id (story, "north-korea")->kind, ==, DRAMATIS_ACTOR_KIND_STATE);
  g_assert_cmpint (actor_by_id (story, "un-security-council")->kind, ==, DRAMATIS_ACTOR_KIND_ORGANIZATION);
  g_assert_cmpint (actor_by_id (story, "kim-song")->kind, ==, DRAMATIS_ACTOR_KIND_PERSON);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/builtin/no-problems", test_no_problems);
  g_test_add_func ("/model/builtin/source", test_source);
  g_test_add_func ("/model/builtin/counts", test_counts);
  g_test_add_func ("/model/builtin/wood-statements", test_wood_statements);
  g_test_add_func ("/model/builtin/speakers", test_speakers);
  g_test_add_func ("/model/builtin/every-quote-is-a-statement", test_every_quote_is_a_statement);
  g_test_add_func ("/model/builtin/event-dates", test_event_dates);
  g_test_add_func ("/model/builtin/statement-evidence", test_statement_evidence);
  g_test_add_func ("/model/builtin/relations", test_relations);
  g_test_add_func ("/model/builtin/key-relations", test_key_relations);
  g_test_add_func ("/model/builtin/actors", test_actors);

  return g_test_run ();
}
