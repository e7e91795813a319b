/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-details"

#include "config.h"

#include <glib/gi18n.h>

#include "dramatis-details-private.h"

/* The words the details pane puts around what the story says: kinds of
 * actors, how well a date is known, what a relation type reads as from
 * either end, where a quote is cut short.
 */

/* Characters of a quote that name it to a screen reader. */
#define EXCERPT_LENGTH 40

/* How relations of the types the story format suggests read from each end.
 * A story may use any other type; it then reads as its own words.
 */
static const RelationPhrase relation_phrases[] = {
  { "accuses",         N_("accuses"),           N_("accused by") },
  { "allied_with",     N_("allied with"),       N_("allied with") },
  { "condemns",        N_("condemns"),          N_("condemned by") },
  { "exercises_with",  N_("exercises with"),    N_("exercises with") },
  { "invades",         N_("invades"),           N_("invaded by") },
  { "leads",           N_("leads"),             N_("led by") },
  { "member_of",       N_("member of"),         N_("has member") },
  { "monitors",        N_("monitors"),          N_("monitored by") },
  { "negotiates_with", N_("negotiates with"),   N_("negotiates with") },
  { "opposes",         N_("opposes"),           N_("opposed by") },
  { "questions",       N_("questions"),         N_("questioned by") },
  { "rejects",         N_("rejects"),           N_("rejected by") },
  { "represents",      N_("represents"),        N_("represented by") },
  { "sanctions",       N_("sanctions"),         N_("sanctioned by") },
  { "sends_troops_to", N_("sends troops to"),   N_("receives troops from") },
  { "shields",         N_("shields"),           N_("shielded by") },
  { "supports",        N_("supports"),          N_("supported by") },
  { "threatens",       N_("threatens"),         N_("threatened by") },
  { "trains",          N_("trains"),            N_("trained by") },
};

const RelationPhrase *
dramatis_details_find_relation_phrase (const char *type)
{
  if (type == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (relation_phrases); i++)
    if (g_str_equal (relation_phrases[i].type, type))
      return &relation_phrases[i];

  return NULL;
}

/* The relation's type as words: "sends_troops_to" reads "sends troops to". */
char *
dramatis_details_dup_relation_active (const DramatisRelation *relation)
{
  const RelationPhrase *phrase = dramatis_details_find_relation_phrase (relation->type);
  char *words;

  if (phrase != NULL)
    return g_strdup (_(phrase->active));

  if (relation->type == NULL || relation->type[0] == '\0')
    return g_strdup (_("related to"));

  words = g_strdup (relation->type);
  g_strdelimit (words, "_-", ' ');

  return words;
}

const char *
dramatis_details_actor_kind_to_label (DramatisActorKind kind)
{
  switch (kind)
    {
    case DRAMATIS_ACTOR_KIND_STATE:
      return _("State");
    case DRAMATIS_ACTOR_KIND_ORGANIZATION:
      return _("Organization");
    case DRAMATIS_ACTOR_KIND_PERSON:
      return _("Person");
    case DRAMATIS_ACTOR_KIND_GROUP:
      return _("Group");
    case DRAMATIS_ACTOR_KIND_OTHER:
    default:
      return _("Actor");
    }
}

static const char *
precision_to_label (DramatisDatePrecision precision)
{
  switch (precision)
    {
    case DRAMATIS_DATE_PRECISION_YEAR:
      return _("known to the year");
    case DRAMATIS_DATE_PRECISION_MONTH:
      return _("known to the month");
    case DRAMATIS_DATE_PRECISION_DAY:
      return _("known to the day");
    case DRAMATIS_DATE_PRECISION_HOUR:
      return _("known to the hour");
    case DRAMATIS_DATE_PRECISION_MINUTE:
      return _("known to the minute");
    case DRAMATIS_DATE_PRECISION_SECOND:
      return _("known to the second");
    case DRAMATIS_DATE_PRECISION_NONE:
    default:
      return NULL;
    }
}

/* Names are looked up at each use rather than kept: a reference the loader
 * could not resolve still shows the id the file gave.
 */
const char *
dramatis_details_get_actor_name (DramatisStory *story,
                                 guint          actor,
                                 const char    *fallback_id)
{
  if (actor < dramatis_story_get_n_actors (story))
    return dramatis_actor_get_label (dramatis_story_get_actor (story, actor));

  return fallback_id != NULL ? fallback_id : _("Unknown actor");
}

/* "October 30, 2024 · known to the day · partly inferred from context" */
char *
dramatis_details_format_span_details (const DramatisSpan *span)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *dates = dramatis_span_format (span);
  guint flags = span->start.flags | span->end.flags;
  /* Translators: separates the parts of a date's description */
  const char *separator = C_("details", " · ");
  const char *precision = precision_to_label (span->start.precision);

  g_string_append (text, dates);

  if (precision != NULL)
    g_string_append_printf (text, "%s%s", separator, precision);
  if (flags & DRAMATIS_DATE_APPROXIMATE)
    g_string_append_printf (text, "%s%s", separator, _("approximate"));
  if (flags & DRAMATIS_DATE_INFERRED)
    g_string_append_printf (text, "%s%s", separator, _("partly inferred from context"));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
dramatis_details_format_statement_date (const DramatisDate *date)
{
  g_autofree char *text = NULL;

  if (!dramatis_date_is_set (date))
    return NULL;

  text = dramatis_date_format (date);
  if (date->flags & DRAMATIS_DATE_INFERRED)
    /* Translators: a date that is not in the source but inferred from its context */
    return g_strdup_printf (_("%s (inferred)"), text);

  return g_steal_pointer (&text);
}

/* The first words of a quote, to tell apart buttons that would otherwise
 * read the same to a screen reader.
 */
char *
dramatis_details_dup_excerpt (const char *text)
{
  const char *end;
  guint n_chars = 0;

  if (text == NULL)
    return g_strdup ("");

  for (end = text; *end != '\0' && n_chars < EXCERPT_LENGTH; end = g_utf8_next_char (end))
    n_chars++;

  if (*end == '\0')
    return g_strdup (text);

  /* Cut at the last space rather than within a word. */
  for (const char *p = end; p > text; p = g_utf8_prev_char (p))
    if (*p == ' ')
      {
        end = p;
        break;
      }

  /* Translators: a quote cut short */
  return g_strdup_printf (_("%.*s…"), (int) (end - text), text);
}
